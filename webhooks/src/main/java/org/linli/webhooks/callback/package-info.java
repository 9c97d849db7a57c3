/**
 * What every platform's callback route goes through: a {@link
 * org.linli.webhooks.callback.CallbackChannel} verifies and reads a call, {@link
 * org.linli.webhooks.callback.Claims} claims each event (done only once handled), and {@link
 * org.linli.webhooks.callback.Callbacks} runs the two with the bot's answer. The HTTP plumbing of
 * the edge lives here and in the platform packages; the root package is the plain model.
 */
package org.linli.webhooks.callback;
