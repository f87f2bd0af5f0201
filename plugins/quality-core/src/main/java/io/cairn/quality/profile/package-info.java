/**
 * Data profiles (types, missing share, distinct values, ranges, lengths, shapes, top values) and the rules and
 * expectations suggested from them, as Deequ suggests constraints: a steward accepts the ones that hold.
 */
package io.cairn.quality.profile;
