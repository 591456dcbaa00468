from journey.cli.main import main

raise SystemExit(main())
