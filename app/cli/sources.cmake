# Further command groups: target_sources(atelier_cli PRIVATE ...)
