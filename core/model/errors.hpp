#pragma once
// Errors a user can act on. The message names what is wrong and what to do; the UI shows it,
// the CLI prints it and exits non-zero. Nothing is left half-written when one is thrown.
#include <stdexcept>
#include <string>

namespace atelier {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An action or an input that breaks a rule (empty question, vote over budget, unknown team…).
class ValidationError : public Error {
public:
    using Error::Error;
};

// A row an action refers to does not exist.
class NotFoundError : public ValidationError {
public:
    using ValidationError::ValidationError;
};

// A file that cannot be used as an event: missing, foreign, newer, read-only, corrupt.
class FileError : public Error {
public:
    using Error::Error;
};

// The disk refused a write (full, I/O error): the action was not saved, nothing changed.
class StorageError : public Error {
public:
    using Error::Error;
};

} // namespace atelier
