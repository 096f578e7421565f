# core/io sources: target_sources(atelier_core PRIVATE ...)
