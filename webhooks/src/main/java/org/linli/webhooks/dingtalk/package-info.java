/**
 * DingTalk's enterprise-internal robot in HTTP mode, both directions: {@link
 * org.linli.webhooks.dingtalk.DingtalkChannel} checks the {@code timestamp}/{@code sign} headers
 * of what DingTalk posts to {@code /webhooks/dingtalk}, turns it into a {@link
 * org.linli.webhooks.ChatEvent} and answers in the HTTP response; {@link
 * org.linli.webhooks.dingtalk.DingtalkSender} posts later messages to the conversation's
 * short-lived session webhook, kept in {@link org.linli.webhooks.dingtalk.SessionWebhooks}.
 */
package org.linli.webhooks.dingtalk;
