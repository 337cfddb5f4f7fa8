import { defineScenario, multipart } from '@lab/engine';

const FILE = { filename: 'test.txt', contentType: 'text/plain', content: 'x'.repeat(1024) };

/** 07 — multipart/form-data parsing of a 1 KB file. */
export default defineScenario({
  id: '07-file-upload',
  title: 'File upload: POST /upload',
  category: 'basic',
  description: 'multipart/form-data parsing: one 1,024-byte text part named `file`.',
  endpoints: ['upload'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  async iteration({ http, check }) {
    const res = await http.post('/upload', multipart({ files: { file: FILE } }), { endpoint: 'upload' });
    check('status is 200', res.status === 200);
    check('size is 1024', res.json()?.size === 1024);
  },
});
