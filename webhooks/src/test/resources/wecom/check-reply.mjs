// Reads a passive reply envelope on stdin and checks it with Tencent's official SDK: the signature
// over the ciphertext, and the decrypted message and receiveid. Prints {"signatureOk", "message", "id"}.
// Used by WecomChannelTest when node and node_modules are present.
import { decrypt, getSignature } from '@wecom/crypto';
import { readFileSync } from 'node:fs';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8'));
const xml = readFileSync(0, 'utf8');
const field = (name) => {
  const m = xml.match(new RegExp('<' + name + '>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</' + name + '>'));
  return m ? m[1] : '';
};
const encrypted = field('Encrypt');
const signatureOk = getSignature(fixtures.token, field('TimeStamp'), field('Nonce'), encrypted) === field('MsgSignature');
const { message, id } = decrypt(fixtures.aesKey, encrypted);
console.log(JSON.stringify({ signatureOk, message, id }));
