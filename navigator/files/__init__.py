"""Everything that reads YAML: the format spec, safe composition, typed readers per file, the schema built from the spec."""
