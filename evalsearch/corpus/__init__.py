"""The document collection: finding input files, bulk runs, the manifest and record store, exports."""
