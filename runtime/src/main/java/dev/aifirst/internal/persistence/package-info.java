/**
 * The runtime's database: JDBC transactions, the application's Hibernate transactions, migrations, and
 * the conversions every store shares.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code AiFirst} and the packages {@code dev.aifirst.events}, {@code dev.aifirst.workflows} and
 * {@code dev.aifirst.testing}; generated code uses {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.persistence;
