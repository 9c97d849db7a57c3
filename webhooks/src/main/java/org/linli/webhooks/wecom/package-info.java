/**
 * WeCom (企业微信), both directions: {@link org.linli.webhooks.wecom.WecomChannel} checks, decrypts
 * and reads the app's callbacks (WXBizMsgCrypt) and answers with encrypted passive replies; {@link
 * org.linli.webhooks.wecom.WecomSender} sends everything else through the WeCom API with the app's
 * access_token, at a pace each chat can take.
 */
package org.linli.webhooks.wecom;
