/**
 * Typed settings for every module: {@link org.linli.config.Settings} read by {@link
 * org.linli.config.SettingsLoader} from {@code application.yaml}, an optional file and {@code
 * LINLI_*} environment variables.
 */
package org.linli.config;
