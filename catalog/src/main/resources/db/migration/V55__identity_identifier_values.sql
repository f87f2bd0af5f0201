-- Finding the profiles that hold an identifier (erasure and access requests resolve a person through the
-- identity graph): identifiers by value.
create index identity_identifiers_value on identity_identifiers (id_value);
