import ScenarioLoading
import XCTest

/// `--save-option`'s text edit, on files small enough to read the expected result off by eye.
final class OptionWriterTests: XCTestCase {
    private let option = ["  lp-split:", "    description: \"phm optimise\"", "    budgets:", "      clinic: 2000000"]

    /// The option goes after the last indented line of `options:`, before the comment and blank
    /// line that follow it and the next top-level key; the file's 4-space indent is kept.
    func testOptionIsAddedAtTheEndOfTheBlockInTheFilesIndent() throws {
        let original = """
            name: s
            options:
                even:
                    description: "even split"
            # trailing comment

            equity: {}

            """
        let text = try OptionWriter.insert(option, into: original)
        XCTAssertEqual(text, """
            name: s
            options:
                even:
                    description: "even split"
                lp-split:
                    description: "phm optimise"
                    budgets:
                        clinic: 2000000
            # trailing comment

            equity: {}

            """)
    }

    func testFileWithoutOptionsGetsANewBlockAtTheEnd() throws {
        XCTAssertEqual(try OptionWriter.insert(option, into: "name: s\n"),
                       "name: s\n\noptions:\n" + option.joined(separator: "\n") + "\n")
    }

    func testInlineOptionsAreRefusedWithADataErrorCode() {
        XCTAssertThrowsError(try OptionWriter.insert(option, into: "options: {a: {description: x}}\n")) { error in
            XCTAssertEqual(error as? OptionWriterError, .inlineOptions)
            XCTAssertEqual((error as? OptionWriterError)?.exitCode, ExitStatus.dataError)
        }
    }

    func testQuotedEscapesBackslashesAndQuotes() {
        XCTAssertEqual(OptionWriter.quoted(#"a "b" \c"#), #""a \"b\" \\c""#)
    }
}
