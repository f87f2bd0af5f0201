/**
 * Consent: purposes, lawful bases, history and the gate the runtime asks before purpose-bound steps and sinks.
 * The interfaces here are the contract between the consent service, the flow runtime, the HTTP collector,
 * activation exports and model training.
 */
package io.cairn.governance.consent;
