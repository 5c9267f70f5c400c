"""Reading the outline: the strict YAML loader and source map, the model, validation, messages."""
