@testable import Reporting
import Testing

@Suite struct HTMLEscaperTests {
    @Test func markupCharactersBecomeReferences() {
        #expect(HTMLEscaper.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLEscaper.text("a & b") == "a &amp; b")
        #expect(HTMLEscaper.text("say \"hi\" it's") == "say &quot;hi&quot; it&#39;s")
        #expect(HTMLEscaper.attribute("x\" onload=\"evil()") == "x&quot; onload=&quot;evil()")
        #expect(HTMLEscaper.attribute("'single'") == "&#39;single&#39;")
    }

    @Test func plainTextIsUnchanged() {
        #expect(HTMLEscaper.text("high dose 0.5 mg/kg, ≤7 days") == "high dose 0.5 mg/kg, ≤7 days")
        #expect(HTMLEscaper.text("") == "")
    }

    @Test func controlAndFormatCharactersAreShownVisibly() {
        #expect(HTMLEscaper.text("tab\there") == "tab\\there")
        #expect(HTMLEscaper.text("line\nbreak\r") == "line\\nbreak\\r")
        #expect(HTMLEscaper.text("bidi\u{202E}txt") == "bidi\\u{202E}txt")
        #expect(HTMLEscaper.text("nul\u{0}<") == "nul\\u{0}&lt;")
        // The same visible form as the terminal and Markdown renderers.
        #expect(HTMLEscaper.text("back\\slash") == ReportText.escaped("back\\slash"))
    }

    @Test func escapingIsNotIdempotentByAccident() {
        // An already escaped reference is escaped again: the browser shows the text the CSV held.
        #expect(HTMLEscaper.text("&lt;") == "&amp;lt;")
    }
}
