import WorkbenchCommands

/// Entry point of the `phm` executable: everything lives in WorkbenchCommands.
@main
enum PHM {
    static func main() async {
        await Workbench.main()
    }
}
