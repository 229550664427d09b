// DataIO: streaming CSV reading, column roles, survival datasets with exclusions.
