/**
 * Specs: the YAML a user writes, bound to validated records. Unknown keys, unknown types and values a
 * field does not allow are all reported as one {@link io.github.rivervalley.simulator.spec.SpecException}
 * that names the field's path, the value and what is allowed (with a "did you mean" for typos), before
 * anything runs.
 */
package io.github.rivervalley.simulator.spec;
