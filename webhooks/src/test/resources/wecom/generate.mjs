// Writes fixtures.json: WeCom callbacks encrypted and signed with Tencent's official SDK
// (@wecom/crypto), for WecomChannelTest. Deterministic: the 16 random bytes are pinned per case,
// so running it again gives the same file.   npm install && node generate.mjs
import { encrypt, getSignature } from '@wecom/crypto';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const token = 'linli-test-token';
const aesKey = createHash('sha256').update('linli wecom fixtures').digest('base64').slice(0, 43);
const corpId = 'ww0a1b2c3d4e5f6789';
const botName = '邻里小助手';

function message({ from = 'LiSi', content, chatId, msgId, type = 'text', extra = '' }) {
  return '<xml><ToUserName><![CDATA[' + corpId + ']]></ToUserName>'
    + '<FromUserName><![CDATA[' + from + ']]></FromUserName>'
    + '<CreateTime>1735689600</CreateTime>'
    + '<MsgType><![CDATA[' + type + ']]></MsgType>'
    + (content === undefined ? '' : '<Content><![CDATA[' + content + ']]></Content>')
    + (msgId === undefined ? '' : '<MsgId>' + msgId + '</MsgId>')
    + '<AgentID>1000002</AgentID>'
    + (chatId === undefined ? '' : '<ChatId><![CDATA[' + chatId + ']]></ChatId>')
    + extra + '</xml>';
}

function callback(plaintext, { receiveId = corpId, seed, timestamp = '1735689600', nonce = '1372623149' }) {
  const random = createHash('md5').update(seed).digest();
  const ciphertext = encrypt(aesKey, plaintext, receiveId, random);
  return {
    timestamp,
    nonce,
    msg_signature: getSignature(token, timestamp, nonce, ciphertext),
    body: '<xml><ToUserName><![CDATA[' + corpId + ']]></ToUserName><Encrypt><![CDATA[' + ciphertext
      + ']]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>',
    plaintext,
    receiveId,
  };
}

// A message whose plaintext (16 + 4 + message + corp id) is a whole number of 32-byte blocks, so
// PKCS#7 adds a full block of 32.
function blockAligned() {
  for (let n = 0; n < 64; n++) {
    const xml = message({ content: '居住证' + 'x'.repeat(n), msgId: '7000000000000000004' });
    if ((20 + Buffer.byteLength(xml) + Buffer.byteLength(corpId)) % 32 === 0) {
      return xml;
    }
  }
  throw new Error('no aligned length found');
}

const echo = '5927638140283658215';
const echoCipher = encrypt(aesKey, echo, corpId, createHash('md5').update('echostr').digest());

const fixtures = {
  sdk: '@wecom/crypto 1.0.1',
  token,
  aesKey,
  corpId,
  botName,
  urlCheck: {
    timestamp: '1735689000',
    nonce: '863514729',
    echostr: echoCipher,
    msg_signature: getSignature(token, '1735689000', '863514729', echoCipher),
    plaintext: echo,
  },
  privateText: callback(message({ content: '居住证怎么办？', msgId: '7000000000000000001' }), { seed: 'private' }),
  groupMention: callback(message({ from: 'WangAyi', content: '@' + botName + '\u2005垃圾分类几点收',
    chatId: 'wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa', msgId: '7000000000000000002' }), { seed: 'mention' }),
  groupChatter: callback(message({ from: 'WangAyi', content: '今天天气不错',
    chatId: 'wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa', msgId: '7000000000000000003' }), { seed: 'chatter' }),
  blockAligned: callback(blockAligned(), { seed: 'aligned' }),
  event: callback(message({ type: 'event', extra: '<Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey>' }),
    { seed: 'event' }),
  image: callback(message({ type: 'image', msgId: '7000000000000000005',
    extra: '<PicUrl><![CDATA[https://example.invalid/p.png]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>' }), { seed: 'image' }),
  otherCorp: callback(message({ content: '居住证怎么办？', msgId: '7000000000000000006' }),
    { receiveId: 'ww9999999999999999', seed: 'other' }),
  entity: callback('<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
    + message({ content: '&leak;', msgId: '7000000000000000007' }), { seed: 'entity' }),
};

writeFileSync(new URL('./fixtures.json', import.meta.url), JSON.stringify(fixtures, null, 2) + '\n');
console.log('wrote fixtures.json');
