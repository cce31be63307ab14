/// Splits a command line into words as a POSIX shell would for simple cases: whitespace
/// separates words, single quotes keep everything literally, double quotes keep spaces, a
/// backslash escapes the next character. No variables, globs or pipes: a notebook line is one
/// `phm` command.
public enum CommandLineWords {
    public struct Unterminated: Error, CustomStringConvertible {
        public var description: String { "unterminated quote" }
    }

    public static func split(_ line: String) throws -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Character? = nil, escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { throw Unterminated() }
        if inWord { words.append(current) }
        return words
    }
}
