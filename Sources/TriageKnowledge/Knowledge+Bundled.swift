extension Knowledge {
    private static let bundledResult = Result { () throws(KnowledgeError) -> Knowledge in
        try KnowledgeLoader.loadBundled()
    }

    /// The tables shipped with the library, loaded and validated once per process.
    ///
    /// - Throws: ``KnowledgeError`` if the shipped tables are broken (then every read throws
    ///   the same error).
    package static var bundled: Knowledge {
        get throws(KnowledgeError) { try bundledResult.get() }
    }
}
