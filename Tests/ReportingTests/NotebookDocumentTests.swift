import Reporting
import XCTest

final class NotebookDocumentTests: XCTestCase {
    let notebook = """
        # Title

        Some prose.

        ```phm
        # a comment
        phm compare Scenarios/x.yaml --draws 10

        phm validate Scenarios/x.yaml
        ```

        <!-- phm-output -->
        ```text
        old output
        ```

        More prose.

        ````markdown
        ```phm
        phm not-run
        ```
        ````

        ```phm
        phm schema
        ```
        The end.
        """

    func testFindsBlocksCommandsAndOutputs() throws {
        let document = try NotebookDocument(notebook)
        XCTAssertEqual(document.blocks.count, 2, "a ```phm inside another fenced block is not a block")
        XCTAssertEqual(document.blocks[0].line, 5)
        XCTAssertEqual(document.blocks[0].commands.map(\.line), [7, 9])
        XCTAssertEqual(document.blocks[0].commands.map(\.text), ["phm compare Scenarios/x.yaml --draws 10", "phm validate Scenarios/x.yaml"])
        XCTAssertEqual(document.currentOutputs, ["old output", ""])
        XCTAssertNil(document.blocks[1].output)
    }

    func testReplacesOutputsAndKeepsEverythingElse() throws {
        let document = try NotebookDocument(notebook)
        let updated = document.replacingOutputs(["new\noutput", "schema ``` text"])
        XCTAssertTrue(updated.contains("<!-- phm-output -->\n```text\nnew\noutput\n```\n\nMore prose."))
        XCTAssertFalse(updated.contains("old output"))
        // Output holding ``` gets a longer fence; the missing section is added after the block.
        XCTAssertTrue(updated.contains("phm schema\n```\n\n<!-- phm-output -->\n````text\nschema ``` text\n````\nThe end."))
        // Running again on the result changes nothing (the rewrite is idempotent).
        let again = try NotebookDocument(updated)
        XCTAssertEqual(again.currentOutputs, ["new\noutput", "schema ``` text"])
        XCTAssertEqual(again.replacingOutputs(again.currentOutputs), updated)
    }

    func testUnclosedBlockNamesItsLine() {
        XCTAssertThrowsError(try NotebookDocument("text\n```phm\nphm run x.yaml\n")) { error in
            XCTAssertEqual("\(error)", "line 2: the ```phm block is never closed")
        }
    }

    func testSplitsCommandLinesLikeAShell() throws {
        XCTAssertEqual(try CommandLineWords.split(#"phm compare "My file.yaml" --options 'a,b' x\ y"#),
                       ["phm", "compare", "My file.yaml", "--options", "a,b", "x y"])
        XCTAssertThrowsError(try CommandLineWords.split("phm run 'open"))
    }
}
