/**
 * Validation shared by every module: checks that return their argument and an exception whose message
 * names the field, the rejected value and what is allowed. Spec readers add the field's path.
 */
package io.github.rivervalley.landscapes.check;
