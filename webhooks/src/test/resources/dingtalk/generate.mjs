// Writes signatures.json: DingTalk robot signatures computed the way DingTalk's documentation
// publishes it (sign = Base64(HmacSHA256(key = appSecret, timestamp + "\n" + appSecret))), with
// Node's crypto, as an implementation independent of the Java code under test.
// Run: node generate.mjs (no dependencies).
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const cases = [
  { appSecret: 'this is a secret', timestamp: '1577262236757' },
  { appSecret: 'gQ3wZ7xq_Rb9vK2mT5yN8pL4hJ6dF1sA0cE3uI7oW9zX2bV5nM8kY4tH6gD1fS0a', timestamp: '1613630252678' },
  { appSecret: 'SECdf3a91c2b7e84d0f9a6c5b4e3d2c1b0a', timestamp: '1718000000000' },
];

const signed = cases.map(({ appSecret, timestamp }) => ({
  appSecret,
  timestamp,
  sign: createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`, 'utf8').digest('base64'),
}));

writeFileSync(new URL('./signatures.json', import.meta.url), JSON.stringify(signed, null, 2) + '\n');
console.log(`wrote ${signed.length} signatures`);
