@testable import Charts
import XCTest

final class ScaleTests: XCTestCase {
    func testMapsAndInverts() {
        let y = LinearScale(lower: -10, upper: 30, start: 400, end: 0)
        XCTAssertEqual(y(-10), 400)
        XCTAssertEqual(y(30), 0)
        XCTAssertEqual(y(0), 300, accuracy: 1e-12)
        XCTAssertEqual(y.invert(100), 20, accuracy: 1e-12)
    }

    func testTicksAreRoundNumbers() {
        XCTAssertEqual(LinearScale.ticks(lower: 0, upper: 1, count: 5), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(LinearScale.ticks(lower: -1234, upper: 5678, count: 5), [-1000, 0, 1000, 2000, 3000, 4000, 5000])
        XCTAssertEqual(LinearScale.ticks(lower: 0, upper: 100_000, count: 6), [0, 20000, 40000, 60000, 80000, 100000])
    }

    func testNiceDomainEndsOnTicksAndHoldsTheValues() {
        let domain = LinearScale.niceDomain([3.2, 47.9], includingZero: true)
        XCTAssertEqual(domain.lower, 0)
        XCTAssertEqual(domain.upper, 50)
        let negative = LinearScale.niceDomain([-0.031, 0.012])
        XCTAssertEqual(negative.lower, -0.04, accuracy: 1e-12)
        XCTAssertEqual(negative.upper, 0.02, accuracy: 1e-12)
        let single = LinearScale.niceDomain([5])
        XCTAssertLessThan(single.lower, 5)
        XCTAssertGreaterThan(single.upper, 5)
    }

    func testTickLabels() {
        XCTAssertEqual(TickFormat(prefix: "£", suffix: "k", scale: 1e-3).label(20000, step: 20000), "£20k")
        XCTAssertEqual(TickFormat.percent.label(0.25, step: 0.05), "25%")
        XCTAssertEqual(TickFormat().label(-1500, step: 500), "−1,500")
        XCTAssertEqual(TickFormat().label(0.3, step: 0.1), "0.3")
        XCTAssertEqual(TickFormat(prefix: "£", suffix: "m", scale: 1e-6).label(-2_500_000, step: 500_000), "−£2.5m")
    }

    func testEscapesText() {
        XCTAssertEqual(SVGCanvas.escape(#"A&B <"x"> 'y'"#), "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;")
        XCTAssertEqual(SVGCanvas.number(12.3456), "12.35")
        XCTAssertEqual(SVGCanvas.number(40), "40")
        XCTAssertEqual(SVGCanvas.number(-0.001), "0")
    }

    func testPaletteIsOkabeIto() {
        XCTAssertEqual(Set(Palette.okabeIto), ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"])
        XCTAssertEqual(Palette.colour(8), Palette.colour(0))
    }
}
