/**
 * Telegram: {@link org.linli.webhooks.telegram.TelegramChannel} receives updates on the webhook
 * (secret token checked first), {@link org.linli.webhooks.telegram.TelegramPoller} fetches them
 * with {@code getUpdates} instead, and {@link org.linli.webhooks.telegram.TelegramSender} speaks
 * through the Bot API ({@link org.linli.webhooks.telegram.TelegramBotApi}) at Telegram's pace.
 */
package org.linli.webhooks.telegram;
