/**
 * Step extension points: transformations between source and sink (quality, masking, identity, traits,
 * models). A route reaches them as {@code cairn:step:<name>} endpoints. Steps declare their column lineage
 * and the purposes they serve; the runtime uses both for lineage and consent.
 */
package io.cairn.spi.step;
