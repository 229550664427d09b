@main
struct Relief {
    static func main() {}
}
