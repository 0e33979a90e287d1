"""`tonelint batch`: score a whole message archive on Dask, and the trend page.

Kept apart from the core so that `tonelint check` never imports Dask or
pyarrow: only command.py is imported by the CLI, and it reaches the modules
that need them (runner, output, trends) when a batch command actually runs.
"""
