// Prisma CLI configuration. Only `prisma generate` is ever run (offline, see README): the lab owns
// the schema as SQL, so no datasource URL or migrations are configured here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
});
