/**
 * PII classification: scans samples of a column's values and suggests classification tags with a confidence
 * (email, phone, credit card with Luhn, IBAN with its mod-97 check, IP address, US SSN, Chinese resident id
 * with its ISO 7064 check digit, birth dates, and person names and addresses from column-name hints).
 * Stewards accept or reject suggestions; the classifier only suggests.
 */
package io.cairn.governance.classify;
