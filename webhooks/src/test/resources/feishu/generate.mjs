// Writes the Feishu fixtures the Java tests read: event bodies as Feishu's event subscription v2.0
// posts them, encrypted and signed with a test Encrypt Key, each one checked by the official SDK
// (@larksuiteoapi/node-sdk): its EventDispatcher must accept the signature, decrypt the body with
// its AESCipher and hand the event to a handler, or this script fails.
// Run: npm install && node generate.mjs
import * as lark from '@larksuiteoapi/node-sdk';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const ENCRYPT_KEY = 'linli-test-encrypt-key-7Hq2';
const VERIFICATION_TOKEN = 'linli-test-verification-token';
const BOT = 'ou_bot0000000000000000000000000001';
const RESIDENT = 'ou_resident000000000000000000000007';
const NEIGHBOUR = 'ou_neighbour0000000000000000000009';
const GROUP = 'oc_group00000000000000000000000042';
const P2P = 'oc_p2p000000000000000000000000000007';

// The SDK only decrypts; encrypting is AES-256-CBC with key SHA-256(encryptKey), a random IV
// before the ciphertext, PKCS#7 padding, all in Base64 - what the SDK's AESCipher undoes.
function encrypt(plaintext) {
  const key = createHash('sha256').update(ENCRYPT_KEY).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

// The signature as the SDK's dispatcher checks it: hex SHA-256 of timestamp + nonce + encryptKey
// + the body (the dispatcher re-serialises the parsed body; we sign exactly the bytes we send).
function sign(timestamp, nonce, body) {
  return createHash('sha256').update(timestamp + nonce + ENCRYPT_KEY + body).digest('hex');
}

function header(eventId, eventType, token = VERIFICATION_TOKEN) {
  return { event_id: eventId, token, create_time: '1718000000000', event_type: eventType,
    tenant_key: 'tenant-linli', app_id: 'cli_linli_test' };
}

function message(eventId, chatId, chatType, text, mentions, token) {
  return {
    schema: '2.0',
    header: header(eventId, 'im.message.receive_v1', token),
    event: {
      sender: { sender_id: { open_id: RESIDENT, union_id: 'on_resident', user_id: null }, sender_type: 'user', tenant_key: 'tenant-linli' },
      message: {
        message_id: 'om_' + eventId, root_id: '', parent_id: '', create_time: '1718000000000',
        chat_id: chatId, chat_type: chatType, message_type: 'text',
        content: JSON.stringify({ text }), mentions,
      },
    },
  };
}

const mention = (key, openId, name) => ({ key, id: { open_id: openId, union_id: 'on_' + key, user_id: null }, name, tenant_key: 'tenant-linli' });

const events = {
  'url-verification': { challenge: 'ajls384kdjx98XX', token: VERIFICATION_TOKEN, type: 'url_verification' },
  'group-message': message('ev-group-1', GROUP, 'group', '@_user_1 居住证怎么办？@_user_2 也想知道',
    [mention('@_user_1', BOT, '邻里助手'), mention('@_user_2', NEIGHBOUR, '张三')]),
  'group-message-not-for-bot': message('ev-group-2', GROUP, 'group', '@_user_1 明天见', [mention('@_user_1', NEIGHBOUR, '张三')]),
  'p2p-message': message('ev-p2p-1', P2P, 'p2p', '/help 楼道灯坏了', undefined),
  'wrong-token': message('ev-wrong-token', GROUP, 'group', '@_user_1 你好', [mention('@_user_1', BOT, '邻里助手')], 'not-the-token'),
  'card-action': {
    schema: '2.0',
    header: header('ev-card-1', 'card.action.trigger'),
    event: {
      operator: { tenant_key: 'tenant-linli', user_id: null, open_id: RESIDENT, union_id: 'on_resident' },
      token: 'c-card-update-token',
      action: { value: { data: 'vote:p1:2', chat_type: 'group' }, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: 'om_poll_card', open_chat_id: GROUP },
    },
  },
};

const fixtures = {};
const seen = [];
const dispatcher = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, loggerLevel: lark.LoggerLevel.error })
  .register({
    'im.message.receive_v1': async (data) => { seen.push(data.event_id); return 'ok'; },
    'card.action.trigger': async (data) => { seen.push(data.event_id); return 'ok'; },
  });

let n = 0;
for (const [name, event] of Object.entries(events)) {
  const plain = JSON.stringify(event);
  const body = JSON.stringify({ encrypt: encrypt(plain) });
  const timestamp = String(1718000000 + n);
  const nonce = 'nonce-' + (++n);
  const headers = name === 'url-verification' ? {}
    : { 'X-Lark-Request-Timestamp': timestamp, 'X-Lark-Request-Nonce': nonce, 'X-Lark-Signature': sign(timestamp, nonce, body) };
  if (name === 'url-verification') {
    const challenge = lark.generateChallenge(JSON.parse(body), { encryptKey: ENCRYPT_KEY });
    if (!challenge.isChallenge || challenge.challenge.challenge !== event.challenge) throw new Error('the SDK did not read the challenge');
  } else {
    // As the SDK's adapters call it: the parsed body, with the request headers on its prototype.
    const data = Object.assign(Object.create({ headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) }), JSON.parse(body));
    const result = await dispatcher.invoke(data);
    if (result !== 'ok') throw new Error(`the SDK refused ${name}: ${result}`);
    if (new lark.AESCipher(ENCRYPT_KEY).decrypt(JSON.parse(body).encrypt) !== plain) throw new Error('AESCipher disagrees');
  }
  fixtures[name] = { headers, body, plain };
}
// The same group message without an Encrypt Key: plaintext, unsigned, as Feishu then sends it.
fixtures['plain-group-message'] = { headers: {}, body: JSON.stringify(events['group-message']), plain: JSON.stringify(events['group-message']) };

writeFileSync(new URL('./events.json', import.meta.url), JSON.stringify({
  encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, bot: BOT, resident: RESIDENT, group: GROUP, p2p: P2P,
  sdk: JSON.parse(await (await import('node:fs/promises')).readFile(new URL('./node_modules/@larksuiteoapi/node-sdk/package.json', import.meta.url))).version,
  fixtures,
}, null, 2) + '\n');
console.log(`wrote ${Object.keys(fixtures).length} fixtures; the SDK accepted ${seen.join(', ')}`);
