import CEditLine
import CXGBoost
import Testing

@Suite("System libraries are installed and link")
struct SystemLibraryTests {
    @Test("libxgboost answers its version and reports errors through XGBGetLastError")
    func xgboost() {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        XGBoostVersion(&major, &minor, &patch)
        #expect(major >= 1)
        var handle: BoosterHandle?
        // A booster over no matrices is fine; loading a model from a missing file is an error.
        #expect(XGBoosterCreate(nil, 0, &handle) == 0)
        #expect(XGBoosterLoadModel(handle, "/nonexistent/model.json") == -1)
        #expect(String(cString: XGBGetLastError()).isEmpty == false)
        #expect(XGBoosterFree(handle) == 0)
    }

    @Test("libedit's history keeps entries")
    func libedit() {
        let history = history_init()
        #expect(history != nil)
        var event = HistEvent()
        #expect(pilot_history_setsize(history, &event, 100) == 0)
        #expect(pilot_history_enter(history, &event, "describe data") >= 0)
        #expect(String(cString: event.str) == "describe data")
        history_end(history)
    }
}
