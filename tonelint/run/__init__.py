"""One run over many drafts: options, configuration, the result cache, worker processes,
baselines, --diff-from and the progress bar."""
