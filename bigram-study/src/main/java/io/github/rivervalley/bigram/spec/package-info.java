/**
 * The YAML side of the bigram study: {@code landscape: {type: bigram, data: {...}, model: {...}}} as validated
 * records, registered with the simulator's spec reader through a Jackson module found by
 * {@link java.util.ServiceLoader}.
 */
package io.github.rivervalley.bigram.spec;
