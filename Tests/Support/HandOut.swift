/// A workbook a teacher hands out, with parameters: the rows of its split depend on both.
public enum HandOut {
    public static let book = """
        # Homework

        ```pilot id=params
        params seed=1 ratio=0.7
        ```

        ```pilot id=split
        load data.csv as data
        split data into train test ratio=$ratio seed=$seed
        head train
        ```

        """

    /// The `data.csv` beside it: 20 rows, `x` and `y`.
    public static let data =
        "x,y\n" + (1...20).map { "\($0),\($0 % 3 == 0 ? "yes" : "no")" }.joined(separator: "\n") + "\n"
}
