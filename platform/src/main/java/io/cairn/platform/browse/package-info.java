/**
 * Catalog search ({@code /api/v1/search}), dataset pages ({@code /api/v1/datasets/{id}/page}) and stewards'
 * audited tag overrides ({@code PUT /api/v1/datasets/{id}/columns/{column}/tags}).
 */
package io.cairn.platform.browse;
