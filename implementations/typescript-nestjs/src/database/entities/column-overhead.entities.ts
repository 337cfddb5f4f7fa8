import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The column-overhead tables (scenario 10): one entity each, every column mapped. Column names
// come from SnakeNamingStrategy (field01 → field_01, intCol01 → int_col_01).

/** `users_narrow`: 5 columns. */
@Entity('users_narrow')
export class UserNarrow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status: string | null;

  @Column({ type: 'timestamp', nullable: true })
  createdAt: Date | null;
}

/** `users_wide`: 20 columns (also the aggregation table of scenario 18). `birth_date` (DATE) stays the `YYYY-MM-DD` text PostgreSQL sends. */
@Entity('users_wide')
export class UserWide {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status: string | null;

  @Column({ type: 'timestamp', nullable: true })
  createdAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  postalCode: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  gender: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  occupation: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  company: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatarUrl: string | null;

  @Column({ type: 'timestamp', nullable: true })
  lastLogin: Date | null;

  @Column({ type: 'int', nullable: true })
  loginCount: number | null;

  @Column({ type: 'jsonb', nullable: true })
  preferences: Record<string, unknown> | null;
}

/** `users_extra_wide`: 49 columns. */
@Entity('users_extra_wide')
export class UserExtraWide {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field01: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field02: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field03: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field04: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field05: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field06: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field07: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field08: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field09: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field10: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field11: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field12: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field13: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field14: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field15: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field16: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field17: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field18: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field19: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field20: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field21: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field22: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field23: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field24: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field25: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field26: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field27: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field28: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field29: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field30: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field31: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field32: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field33: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field34: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field35: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field36: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field37: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field38: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field39: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field40: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field41: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field42: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field43: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field44: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field45: string | null;

  @Column({ type: 'timestamp', nullable: true })
  createdAt: Date | null;
}

/** `users_type_int`: five columns of one type. */
@Entity('users_type_int')
export class UserTypeInt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'int', nullable: true })
  intCol01: number | null;

  @Column({ type: 'int', nullable: true })
  intCol02: number | null;

  @Column({ type: 'int', nullable: true })
  intCol03: number | null;

  @Column({ type: 'int', nullable: true })
  intCol04: number | null;

  @Column({ type: 'int', nullable: true })
  intCol05: number | null;
}

/** `users_type_varchar`: five columns of one type. */
@Entity('users_type_varchar')
export class UserTypeVarchar {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  varcharCol01: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  varcharCol02: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  varcharCol03: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  varcharCol04: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  varcharCol05: string | null;
}

/** `users_type_text`: five columns of one type. */
@Entity('users_type_text')
export class UserTypeText {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'text', nullable: true })
  textCol01: string | null;

  @Column({ type: 'text', nullable: true })
  textCol02: string | null;

  @Column({ type: 'text', nullable: true })
  textCol03: string | null;

  @Column({ type: 'text', nullable: true })
  textCol04: string | null;

  @Column({ type: 'text', nullable: true })
  textCol05: string | null;
}

/** `users_type_jsonb`: five columns of one type. */
@Entity('users_type_jsonb')
export class UserTypeJsonb {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'jsonb', nullable: true })
  jsonCol01: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  jsonCol02: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  jsonCol03: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  jsonCol04: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  jsonCol05: Record<string, unknown> | null;
}

/** `users_type_timestamp`: five columns of one type. */
@Entity('users_type_timestamp')
export class UserTypeTimestamp {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'timestamp', nullable: true })
  tsCol01: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  tsCol02: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  tsCol03: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  tsCol04: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  tsCol05: Date | null;
}

/** `users_type_uuid`: five columns of one type. */
@Entity('users_type_uuid')
export class UserTypeUuid {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'uuid', nullable: true })
  uuidCol01: string | null;

  @Column({ type: 'uuid', nullable: true })
  uuidCol02: string | null;

  @Column({ type: 'uuid', nullable: true })
  uuidCol03: string | null;

  @Column({ type: 'uuid', nullable: true })
  uuidCol04: string | null;

  @Column({ type: 'uuid', nullable: true })
  uuidCol05: string | null;
}
