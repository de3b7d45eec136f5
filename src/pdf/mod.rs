//! Pages -> PDF bytes, with krilla: fonts, tags, links, outline, metadata. Only shells write
//! files.
