-- Policy and audit (range V20-V29): the token vault behind reversible tokenisation.
-- Values are kept encrypted (AES-GCM); value_mac (HMAC-SHA-256) finds the token of a value without decrypting.

create table token_vault (
  domain     varchar(32)   not null,
  token      varchar(64)   not null,
  value_mac  varchar(64)   not null,
  value_enc  varchar(8000) not null,
  created_at timestamp with time zone not null,
  primary key (domain, token),
  constraint token_vault_value_uk unique (domain, value_mac)
);
