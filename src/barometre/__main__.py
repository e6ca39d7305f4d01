from barometre.cli import main

raise SystemExit(main())
