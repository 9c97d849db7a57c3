/**
 * Feishu (Lark) apps, both directions: {@link org.linli.webhooks.feishu.FeishuChannel} checks the
 * signature of what Feishu's event subscription v2.0 posts to {@code /webhooks/feishu}, decrypts
 * it, answers the URL check and turns messages and card button presses into {@link
 * org.linli.webhooks.ChatEvent}s; {@link org.linli.webhooks.feishu.FeishuSender} sends through the
 * open API with a cached tenant access token.
 */
package org.linli.webhooks.feishu;
