-- Marketing analysts (issue 8): read profiles, segments and models, and export segments for activation.
insert into roles (name, description) values
  ('marketing', 'Reads profiles, segments and models; exports segments for activation');
