/**
 * The help-line hub (社区生活求助联动中心), both directions: {@link
 * org.linli.webhooks.hub.HubSender} posts ticket events signed the Standard Webhooks way, {@link
 * org.linli.webhooks.hub.Open311Sender} files requests with hubs that speak Open311 GeoReport v2,
 * and {@link org.linli.webhooks.hub.HubCallbackVerifier} checks the hub's signed status updates
 * before anything reads them.
 */
package org.linli.webhooks.hub;
