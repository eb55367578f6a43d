"""Heart-rate straps and footpods as the core knows them: readings, parsers, samples."""
