from reviewer.app import main

if __name__ == "__main__":  # multiprocessing (spawn) re-imports the main module in its helper process
    raise SystemExit(main())
