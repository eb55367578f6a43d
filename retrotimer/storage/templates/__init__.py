"""The user's templates on disk and the library that adds the built-in ones."""
