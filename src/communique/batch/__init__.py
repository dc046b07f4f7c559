"""`communique batch`: a corpus extracted on a Dask cluster into Parquet tables, resumable."""
