return evaluate(new File(basedir, '../../../src/it/selectors/graft-junit-installed.groovy'))
